// Wraps a dialect so every query, on either engine, throws typed constraint errors.
// Connections are proxied (methods bound to the real connection, so drivers that keep
// private state keep working) and only `executeQuery` is intercepted.
import type { DatabaseConnection, Dialect, Driver } from 'kysely';
import { toDbError } from './errors.ts';

function wrapConnection(connection: DatabaseConnection): DatabaseConnection {
  return new Proxy(connection, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === 'executeQuery') {
        return async (...args: Parameters<DatabaseConnection['executeQuery']>) => {
          try {
            return await target.executeQuery(...args);
          } catch (error) {
            throw toDbError(error);
          }
        };
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function wrapDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (prop === 'acquireConnection') {
        return async (...args: Parameters<Driver['acquireConnection']>) =>
          wrapConnection(await target.acquireConnection(...args));
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The same dialect, with driver errors translated by `toDbError`. */
export function withTypedErrors(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => wrapDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}
