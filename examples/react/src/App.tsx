import { useState } from 'react';
import {
  ExpectedDate,
  OrderButton,
  type LineItem,
  type OrderButtonClickDetail,
} from 'preorder-elements/react';

const VARIANTS = [
  { sku: 'LAMP-BLACK', name: 'Matte black' },
  { sku: 'LAMP-WHITE', name: 'Chalk white' },
  { sku: 'LAMP-BRASS', name: 'Brushed brass' },
  { sku: 'LAMP-GREEN', name: 'Moss green' },
];

export function App() {
  const [sku, setSku] = useState(VARIANTS[0].sku);
  const [cart, setCart] = useState<LineItem[]>([]);

  // Your own cart code: cancel the event (the element would otherwise submit
  // its form) and add the tagged line item.
  const addToCart = (event: CustomEvent<OrderButtonClickDetail>) => {
    event.preventDefault();
    setCart((lines) => [...lines, event.detail.lineItem]);
  };

  return (
    <main>
      <h1>
        Aurora table lamp{' '}
        {/* React 19 renders custom elements directly (typed by preorder-elements/react-jsx). */}
        <availability-badge sku={sku} />
      </h1>

      <label>
        Finish{' '}
        <select name="variant" value={sku} onChange={(event) => setSku(event.target.value)}>
          {VARIANTS.map((variant) => (
            <option key={variant.sku} value={variant.sku}>
              {variant.name}
            </option>
          ))}
        </select>
      </label>

      <OrderButton sku={sku} onOrderButtonClick={addToCart} />
      <ExpectedDate sku={sku} />

      <h2>Cart</h2>
      <ul data-testid="cart">
        {cart.map((line, index) => (
          <li key={index}>
            <strong>{line.sku}</strong> × {line.quantity}: {line.orderType ?? 'untagged'}
            {line.expectedDate ? `, expected ${line.expectedDate}` : ''}{' '}
            <code>{JSON.stringify(line.properties)}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
