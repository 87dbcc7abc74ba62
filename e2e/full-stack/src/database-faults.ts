import { Client } from 'pg';

/**
 * Faults arranged in the Order Service's own PostgreSQL database through a second connection: what makes the real
 * provider fail or fall silent, with no test code inside it.
 */
export class DatabaseFaults {
  private constructor(private readonly client: Client) {}

  static async connect(databaseUrl: string): Promise<DatabaseFaults> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    return new DatabaseFaults(client);
  }

  /** Runs `during` while the `orders` table is missing (renamed away), so every read of it fails; restores it after. */
  async withoutOrdersTable<T>(during: () => Promise<T>): Promise<T> {
    await this.client.query('alter table orders rename to orders_hidden_by_test');
    try {
      return await during();
    } finally {
      await this.client.query('alter table orders_hidden_by_test rename to orders');
    }
  }

  /** Runs `during` while this connection holds an exclusive lock on `orders`, so every read of it waits; releases it after. */
  async withOrdersLocked<T>(during: () => Promise<T>): Promise<T> {
    await this.client.query('begin');
    try {
      await this.client.query('lock table orders in access exclusive mode');
      return await during();
    } finally {
      await this.client.query('rollback');
    }
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
