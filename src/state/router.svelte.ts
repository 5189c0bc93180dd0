// Hash routing: works from any static host, a sub-path, or a file.
export type Route =
  | { page: 'welcome' }
  | { page: 'import' }
  | { page: 'accounts' }
  | { page: 'analysis' }
  | { page: 'plans' }
  | { page: 'plan'; planId: number }
  | { page: 'settings' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  switch (parts[0]) {
    case 'import':
    case 'accounts':
    case 'analysis':
    case 'settings':
    case 'welcome':
      return { page: parts[0] };
    case 'plans': {
      const id = Number(parts[1]);
      return Number.isInteger(id) && id > 0 ? { page: 'plan', planId: id } : { page: 'plans' };
    }
    default:
      return { page: 'accounts' };
  }
}

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
