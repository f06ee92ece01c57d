// What the fake servers (fake-openai.mjs, fake-jira.mjs) share: listening on 127.0.0.1 with the calls tests make
// from Node, and the web-test-runner plugin that runs a fake beside the dev server.

/** Listens on a random port of 127.0.0.1; answers the origin, scenario() (POST /__scenario) and close(). */
export async function listenFake(server) {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** A scenario made from Node (e2e tests); browser tests POST to `${origin}/__scenario` themselves. */
    async scenario(spec) {
      const res = await fetch(`${origin}/__scenario`, { method: 'POST', body: JSON.stringify(spec) });
      return res.json();
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A web-test-runner plugin: `start()` runs beside the dev server; tests import `exportName` (its origin) from `path`. */
export function fakePlugin(name, start, path, exportName) {
  let fake = null;
  return {
    name,
    async serverStart() {
      fake = await start();
    },
    async serverStop() {
      await fake?.close();
    },
    serve(context) {
      if (context.path === path)
        return { body: `export const ${exportName} = ${JSON.stringify(fake.origin)};`, type: 'js' };
    },
  };
}
