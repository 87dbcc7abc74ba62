// `@boundary/service-kit/database`: opening a service's database. An entry point of its own so that a service
// without a database (the User Service) never loads Drizzle through the kit's main barrel.
export * from './lib/database/service-database';
export * from './lib/database/open-service-database';
