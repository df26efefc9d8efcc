import { createApp } from 'vue';
// Registers <order-button>, <expected-date> and <availability-badge>.
import { configure } from 'preorder-elements';
import App from './App.vue';
import './app.css';

// Page-wide options, once, before the first element asks for availability.
configure({ endpoint: '/api/availability?skus={skus}', currency: 'USD' });

createApp(App).mount('#app');
