import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configure } from 'preorder-elements/react';
import { App } from './App';

// Page-wide options, once, before the first element asks for availability.
configure({ endpoint: '/api/availability?skus={skus}', currency: 'USD' });

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
