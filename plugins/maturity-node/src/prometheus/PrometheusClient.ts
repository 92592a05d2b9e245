import { ForwardedError, ResponseError } from '@backstage/errors';

/**
 * One sample of an instant-vector query result.
 *
 * @public
 */
export interface PrometheusSample {
  labels: Record<string, string>;
  value: number;
}

/**
 * A rule as listed by `/api/v1/rules`.
 *
 * @public
 */
export interface PrometheusRule {
  type: 'alerting' | 'recording';
  name: string;
  query: string;
  labels: Record<string, string>;
  group: string;
  file: string;
  health?: string;
}

/**
 * A small client of the Prometheus HTTP API. Queries are sent as POST form
 * bodies, so PromQL never travels inside a URL.
 *
 * @public
 */
export class PrometheusClient {
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  get url(): string {
    return this.baseUrl;
  }

  async query(
    promql: string,
    signal?: AbortSignal,
  ): Promise<PrometheusSample[]> {
    const body = new URLSearchParams({ query: promql });
    const data = await this.call('/api/v1/query', signal, {
      method: 'POST',
      body,
      headers: {
        ...this.headers,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
    });
    if (data.resultType !== 'vector') {
      throw new Error(
        `query returned ${data.resultType}, expected an instant vector: ${promql}`,
      );
    }
    return (
      data.result as {
        metric: Record<string, string>;
        value: [number, string];
      }[]
    ).map(r => ({ labels: r.metric, value: Number(r.value[1]) }));
  }

  async rules(signal?: AbortSignal): Promise<PrometheusRule[]> {
    const data = await this.call('/api/v1/rules', signal, {
      headers: this.headers,
    });
    const rules: PrometheusRule[] = [];
    for (const group of data.groups ?? []) {
      for (const rule of group.rules ?? []) {
        rules.push({
          type: rule.type,
          name: rule.name,
          query: rule.query,
          labels: rule.labels ?? {},
          group: group.name,
          file: group.file,
          health: rule.health,
        });
      }
    }
    return rules;
  }

  private async call(
    path: string,
    signal: AbortSignal | undefined,
    init: RequestInit,
  ): Promise<any> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
        ...init,
        signal,
      });
    } catch (error) {
      throw new ForwardedError(
        `Prometheus at ${this.baseUrl} is unreachable`,
        error,
      );
    }
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const json = (await response.json()) as {
      status: string;
      data: any;
      error?: string;
    };
    if (json.status !== 'success') {
      throw new Error(`Prometheus at ${this.baseUrl} answered: ${json.error}`);
    }
    return json.data;
  }
}
