/** Textos de los correos en español (claves y parámetros como en en.ts). */
import type { MailCatalog } from './keys.js';

export const mailEs: MailCatalog = {
  mailMovedSubject: 'Nueva fecha prevista para {product} (pedido {orderId})',
  mailGreeting: 'Hola:',
  mailMovedIntro: 'La fecha prevista de {product} en tu pedido {orderId} ha cambiado:',
  mailCancelOffer:
    'Si prefieres no esperar, puedes cancelar este artículo. El resto de tu pedido no cambia.',
  mailCancelLink: 'Cancelar esta línea',
  mailSignoff: 'Gracias por tu paciencia.',

  pageCancelTitle: '¿Cancelar {product}?',
  pageCancelSummary:
    'Pedido {orderId}: se {count, plural, one {cancelará # unidad} other {cancelarán # unidades}} de {product}.',
  pageCancelConfirm: 'Cancelar esta línea',
  pageCancelledTitle: 'Cancelado',
  pageCancelledBody: '{product} del pedido {orderId} está cancelado.',
  pageAlreadyTitle: 'Ya cancelado',
  pageAlreadyBody:
    'Esta línea del pedido {orderId} ya estaba cancelada. No se ha cambiado nada más.',
  pageInvalidTitle: 'Este enlace no es válido',
  pageInvalidBody: 'Abre el enlace exactamente como aparece en tu correo.',

  mailNotifyConfirmSubject: 'Confirme: avisarme por correo cuando se pueda pedir {product}',
  mailNotifyConfirmIntro:
    'Ha pedido que le avisemos por correo cuando se pueda pedir {product}. Confirme que esta es su dirección:',
  mailNotifyConfirmLink: 'Confirmar mi dirección',
  mailNotifyIgnore: 'Si no lo ha pedido, ignore este correo: no recibirá nada más.',
  mailNotifyAvailableSubject: 'Ya se puede pedir {product}',
  mailNotifyAvailableBody:
    'Buenas noticias: ya se puede pedir {product}. Este es el único correo que pidió; no volveremos a escribirle sobre ello.',
  mailNotifyUnsubscribe: 'Darse de baja',
  pageNotifyConfirmTitle: '¿Confirmar su dirección de correo?',
  pageNotifyConfirmSummary: 'Escribiremos una vez a {email}, cuando se pueda pedir {product}.',
  pageNotifyConfirmButton: 'Confirmar',
  pageNotifyConfirmedTitle: 'Confirmado',
  pageNotifyConfirmedBody: 'Le escribiremos una vez, cuando se pueda pedir {product}.',
  pageNotifyUnsubscribeTitle: '¿Darse de baja?',
  pageNotifyUnsubscribeSummary: '{email} no recibirá ningún correo sobre {product}.',
  pageNotifyUnsubscribeButton: 'Darse de baja',
  pageNotifyUnsubscribedTitle: 'Baja confirmada',
  pageNotifyUnsubscribedBody: 'No recibirá ningún correo sobre {product}.',
  pageNotifyAlreadyTitle: 'Nada que cambiar',
  pageNotifyAlreadyBody: 'Este enlace ya se usó. No se ha cambiado nada más.',
};
