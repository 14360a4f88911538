import { paintReport } from '../../../miniprogram/pages/party/report/draw';
import { joinCodeOf } from '../../../miniprogram/pages/party/join/code';
import { registerOf, registerProblem, restoreDraft } from '../../../miniprogram/pages/party/register/form';
import { A4, type Painter } from '../../../miniprogram/utils/canvas';

/** A 2d context that keeps what was written and where. */
function recorder() {
  const texts: Array<{ text: string; x: number; y: number }> = [];
  const painter: Painter = {
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect: () => undefined,
    fillText: (text, x, y) => void texts.push({ text, x, y }),
    drawImage: () => undefined,
  };
  return { painter, texts };
}

describe('双报告 printed', () => {
  const report = {
    title: '东台市人民医院 2026年度报告',
    kindLabel: '共建单位 · 3人',
    lines: [
      { label: '响应社区吹哨', value: '4 次' },
      { label: '服务时长', value: '12.5 小时' },
    ],
    commitments: [{ text: '每月上门义诊', progress: '9/12次' }],
    appraisal: '优秀（社区工作者，2026-12-07）',
    comment: '服务群众积极主动',
    acknowledged: '已于 2026-12-08 确认',
    footer: '生成于 2026-12-08',
  };

  it('writes the title, every figure with its value, the commitments, the appraisal and the confirmation, top to bottom on the page', () => {
    const { painter, texts } = recorder();
    paintReport(painter, report);
    const written = texts.map((t) => t.text);
    for (const line of ['东台市人民医院 2026年度报告', '响应社区吹哨', '4 次', '服务时长', '12.5 小时', '每月上门义诊', '9/12次', '等次：优秀（社区工作者，2026-12-07）', '评语：服务群众积极主动', '已于 2026-12-08 确认', '红邻 · 生成于 2026-12-08']) {
      expect(written).toContain(line);
    }
    const ys = texts.map((t) => t.y);
    expect(Math.max(...ys)).toBeLessThan(A4.height);
    const at = (text: string) => texts.find((t) => t.text === text)!.y;
    expect(at('响应社区吹哨')).toBeLessThan(at('每月上门义诊'));
    expect(at('每月上门义诊')).toBeLessThan(at('评语：服务群众积极主动'));
  });

  it('says when staff have not appraised the year yet', () => {
    const { painter, texts } = recorder();
    paintReport(painter, { ...report, appraisal: '', comment: '', acknowledged: '', commitments: [] });
    const written = texts.map((t) => t.text);
    expect(written).toContain('尚未评议');
    expect(written).not.toContain('年度承诺');
  });
});

describe('joining a unit', () => {
  it('reads the join code from a typed link or from the scanned scene', () => {
    expect(joinCodeOf({ code: ' ab23cd45 ' })).toBe('AB23CD45');
    expect(joinCodeOf({ scene: encodeURIComponent('c=beihai&u=AB23CD45') })).toBe('AB23CD45');
    expect(joinCodeOf({ scene: 'c%3Dbeihai' })).toBe('');
    expect(joinCodeOf({ scene: '%E0%A4%A' })).toBe('');
    expect(joinCodeOf({})).toBe('');
  });
});

describe('a unit’s offers on the 报到 form', () => {
  it('a draft kept before offers had categories comes back as offers to categorise', () => {
    const draft = restoreDraft({ kind: 'unit', branch: '医院党委', phone: '13805150001', resources: '义诊、健康讲座', commitments: [{ title: '义诊', target: '12', unit: '次' }] })!;
    expect(draft.offers).toEqual([
      { title: '义诊', category: '' },
      { title: '健康讲座', category: '' },
    ]);
    expect(registerProblem(draft)).toBe('请为每项可提供的资源选择服务类别');
    const chosen = { ...draft, offers: [{ title: '义诊', category: '医疗义诊' }, { title: '', category: '' }] };
    expect(registerProblem(chosen)).toBeNull();
    expect(registerOf(chosen)).toMatchObject({ kind: 'unit', offers: [{ title: '义诊', category: '医疗义诊' }] });
  });

  it('a category that is not in the list is dropped from a stored draft', () => {
    expect(restoreDraft({ kind: 'unit', offers: [{ title: '场地', category: '借场地' }] })!.offers).toEqual([{ title: '场地', category: '' }]);
  });
});
