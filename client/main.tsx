import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CompliancePage } from './compliance/CompliancePage';
import { connectTwin } from './net/socket';
import { liveStore } from './state/liveStore';
import { installTestHooks } from './testHooks';
import './styles/theme.css';
import './styles/topbar.css';
import './styles/panels.css';
import './styles/chart.css';
import './styles/scene-overlay.css';
import './styles/engineer.css';
import './styles/alerts.css';
import './styles/compliance.css';

// The compliance report is a page of its own: it reads the REST API and needs no live link.
const compliance = window.location.pathname.replace(/\/+$/, '') === '/compliance';

// Hooks first, so a test polling `window.__twin` never sees it missing once the page runs.
installTestHooks();
if (!compliance) connectTwin(liveStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(<StrictMode>{compliance ? <CompliancePage /> : <App />}</StrictMode>);
