import type { Config } from '@backstage/config';
import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { Fact, FactValue } from '@roadmap/plugin-maturity-common';
import type {
  CollectRequest,
  CollectResult,
  MaturityCollector,
} from '../collectors/MaturityCollector';
import { PrometheusClient, type PrometheusRule } from './PrometheusClient';
import {
  prometheusServersFromConfig,
  type PrometheusServer,
} from './prometheusServersFromConfig';
import { ruleSelectsService } from './ruleSelectsService';

/**
 * The Prometheus plugin's annotation naming the service's series.
 *
 * @public
 */
export const SERVICE_NAME_ANNOTATION = 'prometheus.io/service-name';
/**
 * The Prometheus plugin's annotation naming the service's alerts.
 *
 * @public
 */
export const ALERT_ANNOTATION = 'prometheus.io/alert';
/**
 * Ours: which configured Prometheus server holds the service's data.
 *
 * @public
 */
export const SERVER_ANNOTATION = 'maturity.roadmap.dev/prometheus-server';

/**
 * Facts from live Prometheus data. Each refresh batch costs one rules call
 * and one query per PromQL fact per server, whatever the number of entities:
 * queries aggregate `by (<serviceLabel>)` and entities are matched to the
 * result afterwards, so no entity value is ever written into PromQL.
 *
 * @public
 */
export class PrometheusCollector implements MaturityCollector {
  readonly source = 'prometheus';
  #queries = 0;

  static fromConfig(config: Config): PrometheusCollector | undefined {
    const servers = prometheusServersFromConfig(config);
    return servers.length > 0 ? new PrometheusCollector(servers) : undefined;
  }

  constructor(private readonly servers: PrometheusServer[]) {}

  /** Prometheus requests made so far (queries and rules calls). */
  get requestCount(): number {
    return this.#queries;
  }

  async collect(request: CollectRequest): Promise<CollectResult> {
    const facts = new Map<string, Fact[]>();
    const failures = new Map<string, string>();
    const byServer = new Map<PrometheusServer, Entity[]>();
    for (const entity of request.entities) {
      const wanted = entity.metadata.annotations?.[SERVER_ANNOTATION];
      const server = wanted
        ? this.servers.find(s => s.name === wanted)
        : this.servers[0];
      if (!server) {
        failures.set(
          stringifyEntityRef(entity),
          `annotation ${SERVER_ANNOTATION} names "${wanted}", which is not a configured Prometheus server`,
        );
        continue;
      }
      byServer.set(server, [...(byServer.get(server) ?? []), entity]);
    }

    for (const [server, entities] of byServer) {
      try {
        const observed = await this.observe(server, request.signal);
        for (const entity of entities) {
          facts.set(
            stringifyEntityRef(entity),
            this.factsFor(entity, server, observed, request.now),
          );
        }
      } catch (error) {
        const message = `Prometheus "${server.name}" could not be queried: ${
          (error as Error).message
        }`;
        for (const entity of entities) {
          failures.set(stringifyEntityRef(entity), message);
        }
      }
    }
    return { facts, failures };
  }

  private async observe(server: PrometheusServer, signal: AbortSignal) {
    const client = new PrometheusClient(server.url, server.headers);
    const label = server.serviceLabel;
    const upQuery = `max by (${label}) (up{${label}!=""})`;
    const availabilityQuery = `avg by (${label}) (avg_over_time(up{${label}!=""}[${server.availabilityWindow}]))`;
    this.#queries += 3;
    const [up, availability, rules] = await Promise.all([
      client.query(upQuery, signal),
      client.query(availabilityQuery, signal),
      client.rules(signal),
    ]);
    const byService = (samples: typeof up) =>
      new Map(samples.map(s => [s.labels[label], s.value]));
    return {
      up: byService(up),
      availability: byService(availability),
      rules,
      upQuery,
      availabilityQuery,
    };
  }

  private factsFor(
    entity: Entity,
    server: PrometheusServer,
    observed: Awaited<ReturnType<PrometheusCollector['observe']>>,
    now: Date,
  ): Fact[] {
    const annotations = entity.metadata.annotations ?? {};
    const service =
      annotations[SERVICE_NAME_ANNOTATION] ?? entity.metadata.name;
    const observedAt = now.toISOString();
    const selector = `${server.serviceLabel}="${service.replace(
      /[\\"]/g,
      c => `\\${c}`,
    )}"`;
    const fact = (
      id: string,
      value: FactValue,
      evidence: Fact['evidence'],
    ): Fact => ({
      id: `prometheus.${id}`,
      value,
      source: 'prometheus',
      observedAt,
      evidence,
    });

    const result: Fact[] = [];
    const up = observed.up.get(service);
    result.push(
      fact('scraped', up !== undefined && up >= 1, [
        {
          query: observed.upQuery,
          note:
            up === undefined
              ? `no series with ${selector} on ${server.name}`
              : `up{${selector}} = ${up}`,
          url: server.url,
        },
      ]),
    );
    const availability = observed.availability.get(service);
    if (availability !== undefined) {
      result.push(
        fact('availability', Math.round(availability * 100000) / 1000, [
          {
            query: observed.availabilityQuery,
            note: `${(availability * 100).toFixed(3)}% of scrapes up over ${
              server.availabilityWindow
            }`,
            url: server.url,
          },
        ]),
      );
    }

    const namedAlerts = (annotations[ALERT_ANNOTATION] ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(s => s && s !== 'all');
    const selects = (rule: PrometheusRule) =>
      ruleSelectsService(rule, server.serviceLabel, service) ||
      (rule.type === 'alerting' && namedAlerts.includes(rule.name));
    const ruleEvidence = (rules: PrometheusRule[]) =>
      rules.map(r => ({
        query: r.query,
        note: `${r.type === 'alerting' ? 'alert' : 'record'} ${r.name} (group ${
          r.group
        }, ${r.file})`,
        url: server.url,
      }));
    const alerts = observed.rules.filter(
      r => r.type === 'alerting' && selects(r),
    );
    const records = observed.rules.filter(
      r => r.type === 'recording' && selects(r),
    );
    result.push(fact('alert-rules', alerts.length, ruleEvidence(alerts)));
    result.push(fact('recording-rules', records.length, ruleEvidence(records)));
    return result;
  }
}
