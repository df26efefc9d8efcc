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
};
