import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as needs from './actions-needs';
import * as found from './actions-found';
import * as resources from './actions-resources';
import * as projects from './actions-projects';
import * as tickets from './actions-tickets';
import * as ratings from './actions-ratings';
import * as property from './actions-property';
import { hurry } from './actions-hurry';
import * as county from './actions-county';
import * as jobs from './jobs';
import * as reports from './reports';
import { charts } from './charts';
import { exportFile } from './exports';
import { watchDeadlines } from './alerts';
import { tellStaff } from './staff-news';
import { syncAllWishes } from './wishsync';
import type { ListsCtx } from './context';
import type { ListsApi } from '../../typings/lists';

/** 三张清单 and dispatch tickets (typings/lists.ts). */
export const listsFunction = defineFunction<ListsApi, ListsCtx>(
  'lists',
  {
    submitRequest: needs.submitRequest,
    reportFound: found.reportFound,
    addNeed: needs.addNeed,
    updateNeed: needs.updateNeed,
    needs: needs.needs,
    need: needs.need,
    saveResource: resources.saveResource,
    resources: resources.resources,
    resource: resources.resource,
    saveProject: projects.saveProject,
    claimProject: projects.claimProject,
    projects: projects.projects,
    project: projects.project,
    match: jobs.match,
    matchResult: jobs.matchResult,
    decide: jobs.decide,
    dispatch: tickets.dispatch,
    accept: tickets.accept,
    resolve: tickets.resolve,
    rate: tickets.rate,
    escalate: tickets.escalate,
    cancel: tickets.cancel,
    escalateCounty: county.escalateCounty,
    countyQueue: county.countyQueue,
    countyNote: county.countyNote,
    tickets: tickets.tickets,
    ticket: tickets.ticket,
    contact: tickets.contact,
    overdue: tickets.overdue,
    assignees: tickets.assignees,
    workerRatings: ratings.workerRatings,
    stats: reports.stats,
    export: reports.exportCsv,
    charts,
    exportFile,
    settings: reports.settings,
    setSettings: reports.setSettings,
    saveCompound: property.saveCompound,
    compounds: property.compounds,
    hurry,
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);

/** Timer triggers, declared in cloudfunctions/lists/config.json (every minute; tellStaff hourly 8:00–20:00). */
export const listsTimers: Record<string, () => Promise<unknown>> = {
  syncWishes: () => syncAllWishes(Date.now()),
  runMatchJobs: () => jobs.runMatchJobs(Date.now()),
  watchDeadlines: () => watchDeadlines(Date.now()),
  tellStaff: () => tellStaff(Date.now()),
};
