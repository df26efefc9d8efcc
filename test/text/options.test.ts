import { expect } from '@open-wc/testing';
import {
  describe as describeDecision,
  formatDay,
  resolveLocale,
  translate,
  type LabelOverrides,
  type TextKey,
} from '../../src/text/index.js';
import { decision, NBSP } from './helpers.js';

describe('resolveLocale', () => {
  const table: [string | null | undefined, string][] = [
    ['en', 'en'],
    ['de', 'de'],
    ['fr', 'fr'],
    ['es', 'es'],
    ['ja', 'ja'],
    ['DE', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['ja-JP', 'ja'],
    ['en-GB', 'en'],
    ['pt-BR', 'en'],
    ['pt', 'en'],
    ['zh-Hant-TW', 'en'],
    ['x-!!', 'en'],
    ['!!', 'en'],
    ['', 'en'],
    ['   ', 'en'],
    ['__proto__', 'en'],
    ['constructor', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ];
  for (const [tag, expected] of table) {
    it(`${JSON.stringify(tag)} -> ${expected}`, () =>
      expect(resolveLocale(tag)).to.equal(expected));
  }

  it('never throws on values of the wrong type', () => {
    for (const value of [42, {}, [], true, Symbol('x')]) {
      expect(resolveLocale(value as unknown as string)).to.equal('en');
    }
  });
});

describe('locale fallback in formatting', () => {
  it('uses the full tag for Intl when its language is the catalog language', () => {
    expect(translate('preorder', {}, { locale: 'en-GB' })).to.equal('Pre-order');
    expect(formatDay('2027-03-12', { locale: 'en-GB' })).to.equal('12 March 2027');
    expect(formatDay('2027-03-12', { locale: 'en-US' })).to.equal('March 12, 2027');
    expect(formatDay('2027-03-12', { locale: 'de_AT' })).to.equal('12. März 2027');
  });

  it('falls back to English text with English dates for an unknown language', () => {
    // Not "12 de março": Portuguese dates must not sit in English sentences.
    expect(translate('preorder', {}, { locale: 'pt-BR' })).to.equal('Pre-order');
    expect(formatDay('2027-03-12', { locale: 'pt-BR' })).to.equal('March 12, 2027');
    expect(
      describeDecision(decision({ ship: { kind: 'day', day: '2027-03-12', precision: 'day' } }), {
        locale: 'pt-BR',
      }).ship?.text,
    ).to.equal('Expected to ship by March 12, 2027');
  });

  it('never throws on garbage tags, and speaks English', () => {
    for (const locale of [
      'x-!!',
      '',
      ' ',
      '--',
      'en-',
      'a'.repeat(500),
      'de-AT-!!',
      '\u0000',
      '__proto__',
    ]) {
      expect(translate('addToCart', {}, { locale }), locale).to.match(
        /^(Add to cart|In den Warenkorb)$/,
      );
      expect(formatDay('2027-03-12', { locale })).to.be.a('string');
    }
    expect(translate('addToCart', {}, { locale: 'x-!!' })).to.equal('Add to cart');
    expect(formatDay('2027-03-12', { locale: 'x-!!' })).to.equal('March 12, 2027');
    expect(translate('addToCart', {}, { locale: 'de-AT-!!' })).to.equal('In den Warenkorb');
    expect(formatDay('2027-03-12', { locale: 'de-AT-!!' })).to.equal('12. März 2027');
    expect(translate('addToCart', {}, undefined)).to.equal('Add to cart');
    expect(translate('addToCart', {}, null as never)).to.equal('Add to cart');
    expect(translate('addToCart', {}, { locale: 7 as never })).to.equal('Add to cart');
  });
});

describe('label overrides', () => {
  const labels: LabelOverrides = {
    en: { preorder: 'Reserve now' },
    de: { preorder: 'Jetzt reservieren', soldOut: 'Weg' },
    'de-AT': { preorder: 'Reservieren, bitte' },
    pt: { preorder: 'Pré-venda', addToCart: 'Adicionar ao carrinho' },
  };

  it('full tag > language > built-in catalog > English', () => {
    expect(translate('preorder', {}, { locale: 'de-AT', labels })).to.equal('Reservieren, bitte');
    expect(translate('soldOut', {}, { locale: 'de-AT', labels })).to.equal('Weg');
    expect(translate('backorder', {}, { locale: 'de-AT', labels })).to.equal('Jetzt bestellen');
    expect(translate('preorder', {}, { locale: 'de', labels })).to.equal('Jetzt reservieren');
    expect(translate('preorder', {}, { locale: 'de-CH', labels })).to.equal('Jetzt reservieren');
    expect(translate('preorder', {}, { locale: 'en-GB', labels })).to.equal('Reserve now');
    expect(translate('preorder', {}, { locale: 'fr', labels })).to.equal('Précommander');
  });

  it('an unknown language takes its own overrides, then the English ones, then English', () => {
    expect(translate('preorder', {}, { locale: 'pt-BR', labels })).to.equal('Pré-venda');
    expect(translate('soldOut', {}, { locale: 'pt-BR', labels })).to.equal('Sold out');
    expect(translate('preorder', {}, { locale: 'it', labels })).to.equal('Reserve now');
    // Merchants who supply Portuguese strings get Portuguese dates with them.
    expect(formatDay('2027-03-12', { locale: 'pt-BR', labels })).to.equal('12 de março de 2027');
  });

  it('matches override tags case-insensitively', () => {
    expect(
      translate('preorder', {}, { locale: 'de-at', labels: { 'DE-at': { preorder: 'Ö' } } }),
    ).to.equal('Ö');
  });

  it('reaches describe(): label, messages and ship text', () => {
    const d = decision({
      messages: [{ key: 'onlyLeftToPreorder', count: 3 }],
      ship: { kind: 'day', day: '2027-03-12', precision: 'day' },
    });
    const text = describeDecision(d, {
      locale: 'en-GB',
      labels: {
        en: {
          preorder: 'Reserve',
          onlyLeftToPreorder: 'Hurry: {count} to go',
          shipDay: 'Out {date}!',
        },
      },
    });
    expect(text.label).to.equal('Reserve');
    expect(text.messages).to.deep.equal(['Hurry: 3 to go']);
    expect(text.ship?.text).to.equal('Out 12 March 2027!');
  });

  it('ignores non-string values and keys that are not text keys', () => {
    const odd = {
      en: {
        preorder: 42,
        soldOut: null,
        backorder: { x: 1 },
        comingSoon: ['a'],
        notAKey: 'x',
        addToCart: '',
      },
    } as unknown as LabelOverrides;
    expect(translate('preorder', {}, { labels: odd })).to.equal('Pre-order');
    expect(translate('soldOut', {}, { labels: odd })).to.equal('Sold out');
    expect(translate('backorder', {}, { labels: odd })).to.equal('Backorder');
    expect(translate('comingSoon', {}, { labels: odd })).to.equal('Coming soon');
    // An empty string is a deliberate override: it stands.
    expect(translate('addToCart', {}, { labels: odd })).to.equal('');
    expect(translate('notAKey' as TextKey, {}, { labels: odd })).to.equal('');
  });

  it('never throws on labels of the wrong shape', () => {
    for (const bad of [
      null,
      'en',
      42,
      [],
      [{ preorder: 'x' }],
      { en: null },
      { en: 'Reserve' },
      { en: [] },
    ]) {
      expect(translate('preorder', {}, { labels: bad as unknown as LabelOverrides })).to.equal(
        'Pre-order',
      );
    }
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(translate('preorder', {}, { labels: hostile as LabelOverrides })).to.equal('Pre-order');
  });

  it('__proto__ in overrides pollutes nothing and is ignored', () => {
    const fromJson = JSON.parse(
      '{"__proto__": {"preorder": "polluted", "polluted": true}, "en": {"__proto__": {"preorder": "polluted"}, "constructor": "x", "soldOut": "Gone"}}',
    ) as LabelOverrides;
    expect(translate('preorder', {}, { labels: fromJson })).to.equal('Pre-order');
    expect(translate('soldOut', {}, { labels: fromJson })).to.equal('Gone');
    expect(translate('constructor' as TextKey, {}, { labels: fromJson })).to.equal('');
    expect(translate('__proto__' as TextKey, {}, { labels: fromJson })).to.equal('');
    expect(translate('toString' as TextKey)).to.equal('');
    expect(translate('preorder', {}, { locale: '__proto__', labels: fromJson })).to.equal(
      'Pre-order',
    );
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(({} as Record<string, unknown>).preorder).to.equal(undefined);
  });
});

describe('templates', () => {
  const say = (template: string, params: Record<string, string | number> = {}, locale = 'en') =>
    translate('merchantMessage', params, {
      locale,
      labels: { [locale]: { merchantMessage: template } },
    });

  it('inserts parameters as plain text, never parsing them again', () => {
    expect(say('Note: {text}', { text: '<b>{count}</b> #', count: 3 })).to.equal(
      'Note: <b>{count}</b> #',
    );
    expect(say('{a}{b}', { a: '{b}', b: '}' })).to.equal('{b}}');
  });

  it('formats numbers for the locale', () => {
    expect(say('{n}', { n: 1234.5 })).to.equal('1,234.5');
    expect(say('{n}', { n: 1234.5 }, 'de')).to.equal('1.234,5');
    expect(say('{n}', { n: 1234.5 }, 'fr')).to.equal('1\u202f234,5');
  });

  it('leaves out a missing parameter cleanly', () => {
    expect(say('Only {count} left')).to.equal('Only left');
    expect(say('Pay {percent} today, the rest when it ships')).to.equal(
      'Pay today, the rest when it ships',
    );
    expect(say('{count} left')).to.equal('left');
    expect(say('Ships {date}.')).to.equal('Ships.');
    expect(translate('onlyLeft')).to.equal('Only left');
  });

  it('renders unknown placeholders empty and keeps non-placeholders literally', () => {
    expect(say('Use code {CODE} today', {})).to.equal('Use code today');
    expect(say('JSON {"a": 1} and { spaced out } and {}')).to.equal(
      'JSON {"a": 1} and { spaced out } and {}',
    );
    expect(say('unclosed {count and more', { count: 2 })).to.equal('unclosed {count and more');
    expect(say('stray } brace')).to.equal('stray } brace');
    expect(say('# outside a plural')).to.equal('# outside a plural');
  });

  it('reads only own parameters: {constructor} and {__proto__} are empty', () => {
    expect(say('[{constructor}][{__proto__}][{toString}]')).to.equal('[][][]');
  });

  it('plurals: exact matches first, then the locale category, then other', () => {
    const t = '{n, plural, =0 {none} one {# item} other {# items}}';
    expect([0, 1, 2, 1000].map((n) => say(t, { n }))).to.deep.equal([
      'none',
      '1 item',
      '2 items',
      '1,000 items',
    ]);
    // French: 0 and 1 are "one".
    const fr = '{n, plural, one {# article} other {# articles}}';
    expect([0, 1, 2].map((n) => say(fr, { n }, 'fr'))).to.deep.equal([
      '0 article',
      '1 article',
      '2 articles',
    ]);
    // Japanese has only "other".
    expect(say('{n, plural, one {one!} other {#個}}', { n: 1 }, 'ja')).to.equal('1個');
    // A missing or non-numeric value takes "other", with no number.
    expect(say('{n, plural, one {# item} other {# items}}')).to.equal(' items');
    expect(say('{n, plural, one {# item} other {# items}}', { n: 'many' })).to.equal(' items');
    // No matching branch and no other: empty.
    expect(say('[{n, plural, one {x}}]', { n: 5 })).to.equal('[]');
    // Nested plurals bind # to their own value.
    expect(
      say('{a, plural, other {# a, {b, plural, one {# b} other {# bs}}}}', { a: 3, b: 1 }),
    ).to.equal('3 a, 1 b');
  });

  it('never throws on malformed or hostile templates', () => {
    const templates = [
      '{n, plural, one {# item} other {# items}',
      '{n, plural,}',
      '{n, plural, one}',
      '{n, plural, =x {a} other {b}}',
      '{'.repeat(5000) + '}'.repeat(5000),
      '{n, plural, other {'.repeat(200) + '#' + '}}'.repeat(200),
      '}}}}{{{{',
    ];
    for (const template of templates) expect(say(template, { n: 2 })).to.be.a('string');
  });

  it('never throws on params of the wrong shape', () => {
    expect(translate('onlyLeft', null as never)).to.equal('Only left');
    expect(translate('onlyLeft', 'x' as never)).to.equal('Only left');
    expect(translate('onlyLeft', { count: {} } as never)).to.equal('Only left');
  });
});

describe('money', () => {
  const deposit = (amount: number, options: Parameters<typeof describeDecision>[1]) =>
    describeDecision(decision({ messages: [{ key: 'payDepositAmount', amount }] }), options)
      .messages[0];

  it('USD by default, EUR in German, JPY without decimals in Japanese', () => {
    expect(deposit(40, {})).to.equal('Pay $40.00 today, the rest when it ships');
    expect(deposit(1234.5, { locale: 'en-US', currency: 'USD' })).to.equal(
      'Pay $1,234.50 today, the rest when it ships',
    );
    expect(deposit(40, { locale: 'de-DE', currency: 'EUR' })).to.equal(
      `Heute 40,00${NBSP}€ anzahlen, den Rest bei Versand`,
    );
    expect(deposit(1234.5, { locale: 'de', currency: 'EUR' })).to.equal(
      `Heute 1.234,50${NBSP}€ anzahlen, den Rest bei Versand`,
    );
    expect(deposit(40, { locale: 'fr', currency: 'EUR' })).to.equal(
      `Acompte de 40,00${NBSP}€ aujourd’hui, solde à l’expédition`,
    );
    expect(deposit(40, { locale: 'es', currency: 'EUR' })).to.equal(
      `Paga 40,00${NBSP}€ hoy y el resto en el envío`,
    );
    expect(deposit(4000, { locale: 'ja', currency: 'JPY' })).to.equal(
      '本日は内金￥4,000をお支払い、残金は発送時',
    );
    expect(deposit(4000.4, { locale: 'ja', currency: 'JPY' })).to.equal(
      '本日は内金￥4,000をお支払い、残金は発送時',
    );
    expect(deposit(40, { locale: 'en-GB', currency: 'GBP' })).to.equal(
      'Pay £40.00 today, the rest when it ships',
    );
    expect(deposit(40, { locale: 'en', currency: 'eur' })).to.equal(
      'Pay €40.00 today, the rest when it ships',
    );
  });

  it('an unusable currency code gives a plain number, never a throw', () => {
    expect(deposit(40, { currency: 'dollars' })).to.equal('Pay 40 today, the rest when it ships');
    expect(deposit(40, { currency: '' })).to.equal('Pay $40.00 today, the rest when it ships');
    expect(deposit(40, { currency: 5 as never })).to.equal(
      'Pay $40.00 today, the rest when it ships',
    );
  });
});

describe('formatter cache', () => {
  it('builds one Intl.DateTimeFormat per locale and options, however many calls', () => {
    const Original = Intl.DateTimeFormat;
    let built = 0;
    Intl.DateTimeFormat = new Proxy(Original, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        built++;
        return new target(...args);
      },
    });
    try {
      // A tag no other test uses, so the cache starts cold for it.
      for (let i = 0; i < 50; i++) formatDay('2027-03-12', { locale: 'en-NZ' });
      expect(formatDay('2027-03-12', { locale: 'en-NZ' })).to.equal('12 March 2027');
      expect(built).to.equal(1);
      formatDay('2027-03-12', { locale: 'en-NZ' }, 'month');
      expect(built).to.equal(2);
    } finally {
      Intl.DateTimeFormat = Original;
    }
  });
});
