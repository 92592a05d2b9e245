import './tracing';
import express from 'express';
import pinoHttp from 'pino-http';
import { collectDefaultMetrics, register } from 'prom-client';
import { greetingRouter } from './greeting';

collectDefaultMetrics();
export const app = express();
app.use(pinoHttp());
app.use(express.json());
app.get('/healthz', (_req, res) => res.send('ok'));
app.get('/ready', (_req, res) => res.send('ok'));
app.get('/metrics', async (_req, res) => {
  res.type(register.contentType).send(await register.metrics());
});
app.use('/greeting', greetingRouter);

if (require.main === module) app.listen(8080);
