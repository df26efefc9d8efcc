/// <reference types="vite/client" />

// Types <order-button>, <expected-date> and <availability-badge> in templates.
import type {} from 'preorder-elements/vue';
