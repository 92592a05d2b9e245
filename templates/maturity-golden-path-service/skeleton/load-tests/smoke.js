import http from 'k6/http';
import { check, sleep } from 'k6';

export const options = {
  vus: 20,
  duration: '2m',
  thresholds: { http_req_duration: ['p(95)<300'] },
};

const BASE_URL = __ENV.BASE_URL || 'http://localhost:8080';

export default function () {
  const res = http.get(`${BASE_URL}/greeting?name=k6`);
  check(res, { ok: r => r.status === 200 });
  sleep(1);
}
