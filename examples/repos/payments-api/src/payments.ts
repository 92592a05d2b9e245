import { Router } from 'express';
import { z } from 'zod';

const Payment = z.object({
  orderId: z.string(),
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
});

export const paymentsRouter = Router();

paymentsRouter.post('/', (req, res) => {
  const payment = Payment.parse(req.body);
  res.status(202).json({ id: `pay_${payment.orderId}`, status: 'authorised' });
});
