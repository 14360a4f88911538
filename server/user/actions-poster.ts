import * as z from 'zod/mini';
import { action } from '../core/define';
import { forbidden } from '../core/errors';
import { id, requestId } from '../core/validation';
import { docs } from '../platform/store';
import { miniProgramCode } from '../platform/openapi';
import { COMMUNITIES, CommunityDoc, GridDoc } from '../community/model';
import { UserCtx, gridOf, requireUser } from './lookup';
import { hasRole } from './model';
import { formatScene } from './scene';
import { POSTER_PAGES, type PosterPage } from '../../typings/user';

/*
 * Posters: the community's, and one per grid whose code carries the grid, so a resident who scans
 * the poster in their stairwell lands in their own grid.
 */

const POSTERS = 'posters';

/** What a poster says under its code, in large type, for people who have never scanned one. */
export const POSTER_STEPS = ['① 打开微信，点右上角“+”，选“扫一扫”', '② 对准上面的二维码，进入“红邻”', '③ 发心愿、约服务、找地方，邻里互助'];

/** 在职党员到社区报到: the poster whose code opens the 报到 form in the community (a newcomer joins it first). */
const PARTY_PAGE = 'pages/party/register/index';
const PARTY_POSTER = {
  audience: '在职党员到社区报到',
  scanLine: '微信扫一扫 党员报到',
  steps: ['① 微信扫一扫上面的二维码', '② 填写党组织、工作单位，认领岗位', '③ 社区确认后亮身份、当先锋'],
};

async function posterCode(ctx: UserCtx, gridId: string | undefined, page: PosterPage = 'pages/home/index') {
  const user = await requireUser(ctx);
  if (!hasRole(user, 'staff', 'admin') || !user.communityId) throw forbidden('只有社区工作人员可以生成二维码');
  const community = await docs.get<CommunityDoc>(COMMUNITIES, user.communityId);
  if (!community) throw forbidden('只有社区工作人员可以生成二维码');
  const grid: GridDoc | undefined = gridId ? await gridOf(community._id, gridId) : undefined;
  const scene = formatScene({ community: community.code, grid: grid?.code });
  const png = await miniProgramCode(scene, page);
  await docs.set(POSTERS, `${community._id}.${scene}`, { communityId: community._id, gridId: grid?._id, scene, page, createdBy: user._id, createdAt: ctx.now });
  return { community, grid, scene, image: `data:image/png;base64,${png.toString('base64')}` };
}

/** Staff make the community's poster code, or one grid's. */
export const qrcode = action(
  z.object({ gridId: z.optional(id('网格')), page: z.optional(z.enum(POSTER_PAGES, { error: '不支持的落地页面' })), requestId }),
  async function qrcode(ctx: UserCtx, input) {
    const { scene, image } = await posterCode(ctx, input.gridId, input.page);
    return { scene, image };
  },
);

/** Everything a printable A4 poster shows: the mini-program draws it and saves it to the album. */
export const poster = action(z.object({ gridId: z.optional(id('网格')), page: z.optional(z.enum(POSTER_PAGES, { error: '不支持的落地页面' })) }), async function poster(ctx: UserCtx, input) {
  const { community, grid, scene, image } = await posterCode(ctx, input.gridId, input.page);
  const party = input.page === PARTY_PAGE;
  return {
    poster: {
      title: party ? `${community.name}党员报到` : `${community.name}邻里互助`,
      communityName: community.name,
      ...(grid ? { gridName: grid.name } : {}),
      scene,
      image,
      steps: POSTER_STEPS,
      ...(party ? PARTY_POSTER : {}),
    },
  };
});
