import * as z from 'zod/mini';
import type { Certificate } from '../../typings/party';
import { action } from '../core/define';
import { invalid, notFound } from '../core/errors';
import { id, requestId } from '../core/validation';
import { newId } from '../core/ids';
import { DAY_MS, isDate, localDate } from '../core/time';
import { dayStart } from '../core/hours';
import { docs } from '../platform/store';
import { transact } from '../platform/tx';
import { once, requestKey } from '../platform/idempotency';
import { assertStaff, requireMember } from '../user/caller';
import { COMMUNITIES, type CommunityDoc } from '../community/model';
import { CERTIFICATES, type CertificateDoc } from './model';
import { figuresIn } from './report';
import type { PartyCtx } from './context';

const MAX_DAYS = 366;
const day = z.string({ error: '日期格式须为 YYYY-MM-DD' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD'));

const windowOf = (c: Pick<CertificateDoc, 'from' | 'to'>) => ({ from: dayStart(c.from), to: dayStart(c.to) + DAY_MS });

const toCertificate = (c: CertificateDoc): Certificate => ({ id: c._id, name: c.name, communityName: c.communityName, from: c.from, to: c.to, figures: c.figures, issuedAt: c.issuedAt });

/**
 * 志愿服务证明: the caller's hours and services in a period, from the records (activities checked
 * out, call-outs attended, wishes completed, tickets resolved), issued under a number and kept, so
 * the figures staff read when they scan it are the ones printed. A repeat of the request answers
 * the first certificate.
 */
export const certificate = action(z.object({ from: day, to: day, requestId }), async function certificate(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  if (!isDate(input.from) || !isDate(input.to)) throw invalid('日期格式须为 YYYY-MM-DD');
  if (input.to < input.from) throw invalid('结束日期不能早于开始日期');
  if (input.to > localDate(ctx.now)) throw invalid('结束日期不能晚于今天');
  if (dayStart(input.to) - dayStart(input.from) >= MAX_DAYS * DAY_MS) throw invalid(`证明时段不能超过${MAX_DAYS}天`);
  const [figures, community] = await Promise.all([figuresIn(user.communityId, [user._id], windowOf(input)), docs.get<CommunityDoc>(COMMUNITIES, user.communityId)]);
  const issued = await transact((tx) =>
    once(tx, requestKey(user._id, 'party', 'certificate', input.requestId), async () => {
      const doc: CertificateDoc = {
        _id: newId('vc'),
        communityId: user.communityId,
        communityName: community?.name ?? '',
        userId: user._id,
        name: user.displayName,
        from: input.from,
        to: input.to,
        figures,
        issuedAt: ctx.now,
      };
      await tx.set(CERTIFICATES, doc._id, doc);
      return doc;
    }),
  );
  return { certificate: toCertificate(issued) };
});

/** 核验: staff of the certificate's community read it as issued, beside what the records say now. */
export const verifyCertificate = action(z.object({ id: id('证明编号') }), async function verifyCertificate(ctx: PartyCtx, input) {
  const user = await requireMember(ctx.openid);
  assertStaff(user, '只有社区工作人员可以核验志愿服务证明');
  const c = await docs.get<CertificateDoc>(CERTIFICATES, input.id);
  if (!c || c.communityId !== user.communityId) throw notFound('没有这份志愿服务证明，或它不是本社区开具的');
  const current = await figuresIn(c.communityId, [c.userId], windowOf(c));
  const agrees = (['minutes', 'activities', 'callouts', 'wishes', 'tickets'] as const).every((k) => current[k] === c.figures[k]);
  return { certificate: toCertificate(c), current, agrees };
});
