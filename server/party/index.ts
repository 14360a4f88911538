import { defineFunction } from '../core/define';
import { callerOpenid } from '../platform/cloud';
import * as registering from './actions-register';
import * as whistle from './actions-callouts';
import * as reporting from './actions-report';
import * as units from './actions-units';
import * as portal from './actions-unit-portal';
import { exportReports } from './actions-export';
import * as vanguardBoard from './actions-vanguard';
import * as site from './actions-site';
import * as gridwork from './actions-gridtasks';
import type { PartyCtx } from './context';
import type { PartyApi } from '../../typings/party';

/** 双报到、社区吹哨·党员报到、双报告. */
export const partyFunction = defineFunction<PartyApi, PartyCtx>(
  'party',
  {
    register: registering.register,
    mine: registering.mine,
    registrations: registering.registrations,
    confirm: registering.confirm,
    reject: registering.reject,
    progress: registering.progress,
    posts: registering.posts,
    setPosts: registering.setPosts,
    callouts: whistle.callouts,
    callout: whistle.callout,
    audience: site.audience,
    responses: whistle.responses,
    respond: whistle.respond,
    checkIn: site.checkIn,
    close: whistle.close,
    unitJoin: units.unitJoin,
    join: units.join,
    unitMembers: units.unitMembers,
    unitPortal: portal.unitPortal,
    setVerifier: portal.setVerifier,
    report: reporting.report,
    reports: reporting.reports,
    appraise: reporting.appraise,
    acknowledge: reporting.acknowledge,
    exportReports,
    vanguard: vanguardBoard.vanguard,
    gridTasks: gridwork.gridTasks,
    publishGridTask: gridwork.publishGridTask,
    claimGridTask: gridwork.claimGridTask,
    finishGridTask: gridwork.finishGridTask,
    confirmGridTask: gridwork.confirmGridTask,
    cancelGridTask: gridwork.cancelGridTask,
  },
  async () => ({ openid: callerOpenid(), now: Date.now() }),
);
