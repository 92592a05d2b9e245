import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

// The demo's landing page: what it is and where to look first.
const content = `
## Roadmap Maturity — the demo portal

Every service of this catalog is scored against a DevOps roadmap — CI/CD,
monitoring, security, reliability, infrastructure, docs — as **Bronze,
Silver or Gold**, from evidence in its catalog entity, its repository
(\`examples/repos/\`) and a real Prometheus with generated demo series
(\`scripts/demo-prometheus.sh\`). No Kubernetes cluster is connected, so
those checks say "not observed here".

### Where to look first

- [The overview](/maturity): every service's level, the movers, facets and CSV
- [payments-api](/catalog/default/component/payments-api): a **gold** service,
  each check with its evidence (the Roadmap tab)
- [hobby-recommender](/catalog/default/component/hobby-recommender): a bare
  script — what is next, and the quick wins
- [Campaigns](/maturity/campaigns): "Payments and search reach Silver by
  31 March" with its burn-up and forecast
- [Templates](/create): the pull requests that add a pipeline, monitoring or
  security scanning, and **Fix it** on any failing check

Signed in as the guest user, you can score a service again and open a fix.
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Start here',
    description: 'What the Roadmap Maturity demo is, and where to look first',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
