import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { availabilityMock } from '../availability-mock';

export default defineConfig({
  plugins: [react(), availabilityMock()],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
