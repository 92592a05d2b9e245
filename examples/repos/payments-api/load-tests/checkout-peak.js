import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 200,
  duration: '10m',
  thresholds: { http_req_duration: ['p(99)<400'] },
};

export default function () {
  const res = http.post(
    'https://payments.staging.roadmap-demo.io/payments',
    JSON.stringify({
      orderId: `o-${__VU}-${__ITER}`,
      amountCents: 1999,
      currency: 'EUR',
    }),
    { headers: { 'Content-Type': 'application/json' } },
  );
  check(res, { accepted: r => r.status === 202 });
  sleep(1);
}
