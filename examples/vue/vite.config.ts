import vue from '@vitejs/plugin-vue';
import { isCustomElement } from 'preorder-elements/vue';
import { defineConfig } from 'vite';
import { availabilityMock } from '../availability-mock';

export default defineConfig({
  plugins: [
    // The elements are custom elements, not Vue components: Vue leaves them to the browser.
    vue({ template: { compilerOptions: { isCustomElement } } }),
    availabilityMock(),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
