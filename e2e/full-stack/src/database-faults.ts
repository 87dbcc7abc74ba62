import { Client } from 'pg';

/**
 * Faults arranged in a service's own PostgreSQL database through a second connection: what makes the real provider
 * fail or fall silent, with no test code inside it.
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
  withOrdersLocked<T>(during: () => Promise<T>): Promise<T> {
    return this.withTableLocked(['orders'], during);
  }

  /**
   * Runs `during` while this connection holds an exclusive lock on the table (`['inventory', 'stock']` names one in a
   * schema), so every statement on it waits; releases it after.
   */
  async withTableLocked<T>(table: readonly string[], during: () => Promise<T>): Promise<T> {
    const name = table.map((part) => this.client.escapeIdentifier(part)).join('.');
    await this.client.query('begin');
    try {
      await this.client.query(`lock table ${name} in access exclusive mode`);
      return await during();
    } finally {
      await this.client.query('rollback');
    }
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
