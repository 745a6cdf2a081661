import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client is served by the twin's own server from dist/client; in dev, vite proxies the API.
export default defineConfig({
  root: 'client',
  // client/public holds the public page's code; static files served as they are live here.
  publicDir: 'static',
  plugins: [react()],
  build: { outDir: '../dist/client', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
