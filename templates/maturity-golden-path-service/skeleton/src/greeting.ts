import { Router } from 'express';
import { z } from 'zod';

const Query = z.object({ name: z.string().min(1).max(100).default('world') });

/** Replace with the service's own API. */
export function greeting(name: string): string {
  return `Hello, ${name}!`;
}

export const greetingRouter = Router().get('/', (req, res) => {
  const query = Query.safeParse(req.query);
  if (!query.success) {
    res.status(400).json({ error: query.error.issues[0].message });
    return;
  }
  res.json({ message: greeting(query.data.name) });
});
