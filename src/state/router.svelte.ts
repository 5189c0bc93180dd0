// The current hash route as a rune.
import { parseRoute, type Route } from './routes';

export { accountsHref, parseAccountFilter, parseRoute } from './routes';
export type { AccountFilter, Route } from './routes';

class Router {
  route = $state<Route>(parseRoute(globalThis.location?.hash ?? ''));

  constructor() {
    globalThis.addEventListener?.('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  go(path: string): void {
    location.hash = path.startsWith('#') ? path : `#/${path.replace(/^\//, '')}`;
  }
}

export const router = new Router();
