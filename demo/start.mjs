// `npm start`: builds what is missing, then the demo on the availability
// service (demo/server.mjs): its embedded database starts from the demo
// catalog each time, in .demo-data/.
import { startDemo } from './server.mjs';

const demo = await startDemo();
demo.vite.printUrls();
console.log(`  ➜  Service: ${demo.serviceUrl()} (the page reaches it at /service/)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    void demo.close().then(() => process.exit(0));
  });
}
