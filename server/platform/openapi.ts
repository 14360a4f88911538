import { cloud } from './cloud';

/** WeChat open APIs through CloudBase's cloud call (answered by stand-ins on the local cloud). */
export async function checkText(content: string, openid: string): Promise<boolean> {
  const res: any = await cloud().callWxOpenApi({
    apiName: 'security.msgSecCheck',
    requestData: { content, version: 2, scene: 1, openid },
  });
  return res?.result?.result?.suggest !== 'risky';
}

export async function miniProgramCode(scene: string, page: string): Promise<Buffer> {
  const res: any = await cloud().callCompatibleWxOpenApi({
    apiName: 'wxacode.getUnlimited',
    requestData: Buffer.from(JSON.stringify({ scene, page, width: 430, check_path: false })),
  });
  if (!Buffer.isBuffer(res)) throw new Error(`wxacode.getUnlimited failed: ${JSON.stringify(res).slice(0, 200)}`);
  return res;
}

export async function sendSubscribeMessage(touser: string, templateId: string, page: string, data: Record<string, { value: string }>) {
  await cloud().callWxOpenApi({
    apiName: 'subscribeMessage.send',
    requestData: { touser, template_id: templateId, page, data, miniprogram_state: 'formal' },
  });
}
