/** Polls until `check` holds (a notification arrives asynchronously), or fails after 3 s. */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in 3 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
