import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CompliancePage } from './compliance/CompliancePage';
import { LobbyApp } from './lobby/LobbyApp';
import { connectTwin } from './net/socket';
import { PublicApp } from './public/PublicApp';
import { ShowApp } from './show/ShowApp';
import { liveStore } from './state/liveStore';
import { installTestHooks } from './testHooks';
import './styles/theme.css';
import './styles/topbar.css';
import './styles/panels.css';
import './styles/chart.css';
import './styles/scene-overlay.css';
import './styles/engineer.css';
import './styles/alerts.css';
import './styles/lobby.css';
import './styles/compliance.css';
import './styles/compliance.print.css';

// Hooks first, so a test polling `window.__twin` never sees it missing once the page runs.
installTestHooks();

// One index.html serves every page; the path picks it. The public view opens no socket: the
// realtime snapshot carries the site file with its meter serials, which a public page must not.
// The compliance report reads the REST API and needs no live link either.
const path = location.pathname.replace(/\/+$/, '');
const publicToken = /^\/public\/([^/]+)$/.exec(path)?.[1];
if (publicToken === undefined && path !== '/compliance') connectTwin(liveStore);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {publicToken !== undefined ? (
      <PublicApp token={decodeURIComponent(publicToken)} />
    ) : path === '/lobby' ? (
      <LobbyApp />
    ) : path === '/show' ? (
      <ShowApp />
    ) : path === '/compliance' ? (
      <CompliancePage />
    ) : (
      <App />
    )}
  </StrictMode>,
);
