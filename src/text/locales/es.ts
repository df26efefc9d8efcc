/** Spanish (neutral: understood in Spain and Latin America). */
import type { Catalog } from '../types.js';

export const es: Catalog = {
  addToCart: 'Añadir al carrito',
  preorder: 'Reservar',
  backorder: 'Encargar',
  soldOut: 'Agotado',
  comingSoon: 'Próximamente',
  discontinued: 'Ya no disponible',
  notifyMe: 'Avísame',

  onlyLeftToPreorder:
    '{count, plural, one {Solo queda # para reservar} other {Solo quedan # para reservar}}',
  onlyLeftToBackorder:
    '{count, plural, one {Solo queda # para encargar} other {Solo quedan # para encargar}}',
  preordersFull: 'Reservas agotadas',
  backordersFull: 'No se admiten más encargos',
  onlyLeft: '{count, plural, one {Solo queda #} other {Solo quedan #}}',
  onlyAvailable: '{count, plural, one {Solo hay # disponible} other {Solo hay # disponibles}}',
  onlyAvailableToPreorder:
    '{count, plural, one {Solo hay # disponible para reservar} other {Solo hay # disponibles para reservar}}',
  onlyAvailableToBackorder:
    '{count, plural, one {Solo hay # disponible para encargar} other {Solo hay # disponibles para encargar}}',
  limitPerOrder: 'Máximo {count} por pedido',
  payInFull: 'Pago completo hoy',
  payOnShip: 'No pagas nada hasta el envío',
  payDeposit: 'Paga un anticipo hoy y el resto en el envío',
  payDepositPercent: 'Paga el {percent} hoy y el resto en el envío',
  payDepositAmount: 'Paga {amount} hoy y el resto en el envío',
  splitShipment: '{now, plural, one {# se envía} other {# se envían}} ahora, {later} {when}',
  merchantMessage: '{text}',

  shipNow: 'En stock, listo para enviar',
  shipDay: 'Envío previsto para el {date}',
  shipWeek: 'Envío previsto la semana del {date}',
  shipMonth: 'Envío previsto en {date}',
  shipQuarter: 'Envío previsto en el {date}',
  shipWindow: 'Envío previsto: {date}',
  shipTbc: 'Fecha de envío por confirmar',
  whenDay: 'para el {date}',
  whenWeek: 'la semana del {date}',
  whenMonth: 'en {date}',
  whenQuarter: 'en el {date}',
  whenWindow: 'más tarde ({date})',
  whenTbc: 'más tarde (fecha por confirmar)',
  quarter: '{q, plural, =1 {primer} =2 {segundo} =3 {tercer} other {cuarto}} trimestre de {year}',
  dateRange: '{range}',
  firstOfMonth: '1',
  release: 'A la venta el {date}',
  moved: 'Nueva fecha: {date} (antes {previous})',

  duration: '{m, plural, =0 {{h} h} other {{h, plural, =0 {} other {# h }}# min}}',
  orderWithin: 'Envío hoy si pides en menos de {time}',
  shipsOn: 'Envío el {date}',
  arrives: 'Entrega {date}',

  explainPreorder:
    'Te asegura este artículo antes de su lanzamiento; se envía en cuanto esté disponible.',
  explainBackorder:
    'Agotado por ahora, pero hay más en camino. Los pedidos se envían por turno en cuanto llega el stock.',
  explainMixed: 'Una parte se envía ya; el resto, en cuanto llegue más stock.',
  explainComingSoon: 'Aún no ha salido a la venta y todavía no se puede pedir.',
  explainSoldOut: 'Se han pedido todas las unidades disponibles; por ahora no se admiten pedidos.',
  infoPreorder: '¿Qué es una reserva?',
  infoBackorder: '¿Qué es un encargo?',
  infoMixed: '¿Por qué parte del pedido se envía más tarde?',
  infoComingSoon: '¿Qué significa «próximamente»?',
  infoSoldOut: '¿Por qué está agotado?',

  loading: 'Cargando disponibilidad…',
  unavailable: 'No se pudo cargar la disponibilidad',
};
