/** Japanese. */
import type { Catalog } from '../types.js';

export const ja: Catalog = {
  addToCart: 'カートに入れる',
  preorder: '予約注文',
  backorder: 'お取り寄せ',
  soldOut: '売り切れ',
  comingSoon: '近日発売',
  discontinued: '販売終了',
  notifyMe: '入荷お知らせを受け取る',

  onlyLeftToPreorder: '予約受付 残り{count}点',
  onlyLeftToBackorder: 'お取り寄せ受付 残り{count}点',
  preordersFull: '予約数が上限に達しました',
  backordersFull: 'お取り寄せ数が上限に達しました',
  onlyLeft: '残り{count}点',
  onlyAvailable: 'ご注文可能数は{count}点です',
  onlyAvailableToPreorder: '予約可能数は{count}点です',
  onlyAvailableToBackorder: 'お取り寄せ可能数は{count}点です',
  limitPerOrder: '1回のご注文につき{count}点まで',
  payInFull: 'ご注文時に全額お支払い',
  payOnShip: '発送までお支払いは不要です',
  payDeposit: '本日は内金をお支払い、残金は発送時',
  payDepositPercent: '本日は{percent}の内金をお支払い、残金は発送時',
  payDepositAmount: '本日は内金{amount}をお支払い、残金は発送時',
  splitShipment: '{now}点は今すぐ発送、{later}点は{when}',
  merchantMessage: '{text}',

  shipNow: '在庫あり・すぐに発送できます',
  shipDay: '{date}までに発送予定',
  shipWeek: '{date}の週に発送予定',
  shipMonth: '{date}発送予定',
  shipQuarter: '{date}発送予定',
  shipWindow: '{date}発送予定',
  shipTbc: '発送日は未定です',
  whenDay: '{date}までに発送予定',
  whenWeek: '{date}の週に発送予定',
  whenMonth: '{date}発送予定',
  whenQuarter: '{date}発送予定',
  whenWindow: '{date}発送予定',
  whenTbc: '後日発送（日程未定）',
  quarter: '{year}年第{q}四半期',
  dateRange: '{start}～{end}',
  release: '{date}発売',
  moved: '発送予定日変更：{date}（変更前：{previous}）',

  duration: '{m, plural, =0 {{h}時間} other {{h, plural, =0 {} other {#時間}}#分}}',
  orderWithin: 'あと{time}以内のご注文で本日発送',
  shipsOn: '{date}発送',
  arrives: '{date}お届け予定',

  explainPreorder:
    '発売前に商品を確保するご注文です。入荷しだい発送します。お支払いは表示のとおりで、発送前なら無料でキャンセルできます。',
  explainBackorder:
    '現在在庫切れですが、入荷予定があります。入荷しだい受付順に発送します。お支払いは表示のとおりで、発送前なら無料でキャンセルできます。',
  explainMixed:
    '一部はすぐに発送し、残りは入荷しだい発送します。残りの分は発送前なら無料でキャンセルできます。',
  explainComingSoon: '発売前のため、まだご注文いただけません。',
  explainSoldOut: 'ご用意した数量はすべてご注文済みのため、現在ご注文を承っておりません。',
  infoPreorder: '予約注文とは？',
  infoBackorder: 'お取り寄せとは？',
  infoMixed: '一部が後から発送される理由',
  infoComingSoon: '近日発売とは？',
  infoSoldOut: '売り切れについて',

  loading: '在庫状況を読み込んでいます…',
  unavailable: '在庫状況を読み込めませんでした',
};
