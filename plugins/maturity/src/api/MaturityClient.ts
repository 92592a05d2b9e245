import type { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { ResponseError } from '@backstage/errors';
import type { Rubric } from '@roadmap/plugin-maturity-common';
import type { MaturityApi } from './MaturityApi';

/**
 * Default {@link MaturityApi}: calls the backend through Backstage's
 * discovery and authenticated fetch.
 *
 * @public
 */
export class MaturityClient implements MaturityApi {
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
  }

  async getRubric(): Promise<Rubric> {
    return this.#get<Rubric>('/rubric');
  }

  async #get<T>(path: string): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl('maturity');
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
