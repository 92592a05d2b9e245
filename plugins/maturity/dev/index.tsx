import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import maturityPlugin from '../src/alpha';

// Runs the plugin on its own (`yarn start` in this folder) against the
// backend configured in the root app-config.yaml.
const app = createApp({ features: [maturityPlugin] });

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
