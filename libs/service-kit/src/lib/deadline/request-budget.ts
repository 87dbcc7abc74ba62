/** The budget (`x-deadline-ms`, in ms) each request being served arrived with, for its request line. */
const budgets = new WeakMap<object, number>();

/** Notes that `request` arrived with a budget of `budgetMs`. */
export function rememberBudget(request: object, budgetMs: number): void {
  budgets.set(request, budgetMs);
}

/** The budget `request` arrived with, if it had one. */
export function budgetOf(request: object): number | undefined {
  return budgets.get(request);
}
