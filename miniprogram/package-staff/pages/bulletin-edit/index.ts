import { retryKeyed } from '../../../behaviors/retry-key';
import { managersOnly, staffPage } from '../../../behaviors/staff-page';
import * as bulletin from '../../../services/bulletin';
import * as user from '../../../services/user';
import { saveOnce } from '../../../services/retry';
import { choosePhotos, imageUrl, upload } from '../../../services/storage';
import { toast } from '../../../utils/dialog';
import { STAFF_BULLETIN_PAGES } from '../../../utils/routes';
import { BULLETIN_ROLES, BULLETIN_ROLE_LABELS, type Bulletin, type BulletinRole } from '../../../../typings/bulletin';
import type { Change, Tap } from '../../../base/events';
import { type AudienceKind, type BulletinDraft, draftProblem, publishRequest, toggle } from './form';

const MAX_IMAGES = 9;

/**
 * 发布通知 (or, with `?id=`, 修改 one): title, text, who it is for (全体居民, some grids, some roles),
 * 置顶, 需要确认收到 (停水、停电), 紧急 (also a subscribe message), pictures and one attachment.
 */
Component({
  behaviors: [staffPage, retryKeyed],

  data: {
    id: '',
    title: '',
    text: '',
    audienceKind: 'all' as AudienceKind,
    gridChoices: [] as Array<{ id: string; name: string }>,
    gridIds: [] as string[],
    roleChoices: BULLETIN_ROLES.map((r) => ({ role: r, label: BULLETIN_ROLE_LABELS[r] })),
    roles: [] as BulletinRole[],
    pinned: false,
    needsConfirm: false,
    urgent: false,
    images: [] as string[],
    imageUrls: [] as string[],
    attachment: null as { fileId: string; name: string } | null,
    uploading: false,
    saving: false,
    refusal: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      void this.start(query);
    },

    async start(query: Record<string, string | undefined> = {}) {
      if (!(await this.ensureStaff(managersOnly))) return;
      const id = query.id ?? this.data.id;
      const [grids, existing] = await Promise.all([user.grids(), id ? bulletin.get({ id }) : Promise.resolve(null)]);
      if (!grids.ok) return this.setData({ state: 'error', errorText: grids.message });
      if (existing && !existing.ok) return this.setData({ state: 'error', errorText: existing.message });
      this.setData({ state: 'ready', gridChoices: grids.data.grids.map((g) => ({ id: g.id, name: g.name })) });
      if (existing) this.fill(existing.data.bulletin);
    },

    fill(b: Bulletin) {
      wx.setNavigationBarTitle({ title: '修改通知' });
      this.setData({
        id: b.id,
        title: b.title,
        text: b.text,
        audienceKind: b.audience.kind,
        gridIds: b.audience.kind === 'grids' ? b.audience.gridIds : [],
        roles: b.audience.kind === 'roles' ? b.audience.roles : [],
        pinned: b.pinned,
        needsConfirm: b.needsConfirm,
        urgent: b.urgent,
        images: b.images,
        imageUrls: b.images.map(imageUrl),
        attachment: b.attachment ?? null,
      });
    },

    onField(e: Change<{ field: string }>) {
      this.setData({ [e.currentTarget.dataset.field]: e.detail.value, refusal: '' });
    },

    onAudience(e: Tap<{ value: AudienceKind }>) {
      if (!this.data.id) this.setData({ audienceKind: e.currentTarget.dataset.value, refusal: '' });
    },

    onGrid(e: Tap<{ value: string }>) {
      this.setData({ gridIds: toggle(this.data.gridIds, e.currentTarget.dataset.value), refusal: '' });
    },

    onRole(e: Tap<{ value: BulletinRole }>) {
      this.setData({ roles: toggle(this.data.roles, e.currentTarget.dataset.value), refusal: '' });
    },

    onFlag(e: Tap<{ field: 'pinned' | 'needsConfirm' | 'urgent' }>) {
      const field = e.currentTarget.dataset.field;
      if (field === 'urgent' && this.data.id) return;
      this.setData({ [field]: !this.data[field] });
    },

    async onAddImages() {
      const paths = await choosePhotos(MAX_IMAGES - this.data.images.length);
      if (!paths.length) return;
      this.setData({ uploading: true });
      const done = await Promise.all(paths.map((p) => upload(p, 'bulletin')));
      this.setData({ uploading: false });
      const ids = done.filter((r) => r.ok).map((r) => (r as { data: string }).data);
      if (ids.length < paths.length) toast('有图片上传失败，请重试');
      const images = [...this.data.images, ...ids];
      this.setData({ images, imageUrls: images.map(imageUrl) });
    },

    onRemoveImage(e: Tap<{ index: number }>) {
      const images = this.data.images.filter((_, i) => i !== e.currentTarget.dataset.index);
      this.setData({ images, imageUrls: images.map(imageUrl) });
    },

    /** 附件: a file from a chat (the 停水 notice as a PDF, a form to fill in). */
    onAttach() {
      wx.chooseMessageFile({
        count: 1,
        type: 'file',
        success: async (res) => {
          const f = res.tempFiles?.[0];
          if (!f) return;
          this.setData({ uploading: true });
          const up = await upload(f.path, 'bulletin');
          this.setData({ uploading: false });
          if (!up.ok) return toast('附件上传失败，请重试');
          this.setData({ attachment: { fileId: up.data, name: f.name.slice(0, 60) } });
        },
      });
    },

    onRemoveAttachment() {
      this.setData({ attachment: null });
    },

    draft(): BulletinDraft {
      const d = this.data;
      return { title: d.title, text: d.text, audienceKind: d.audienceKind, gridIds: d.gridIds, roles: d.roles, pinned: d.pinned, needsConfirm: d.needsConfirm, urgent: d.urgent, images: d.images, attachment: d.attachment };
    },

    async onSubmit() {
      if (this.data.saving || this.data.uploading) return;
      const draft = this.draft();
      const problem = draftProblem(draft);
      if (problem) {
        this.setData({ refusal: problem });
        return toast(problem);
      }
      const req = publishRequest(draft);
      const saved = this.data.id
        ? await saveOnce(
            this,
            this.retryKey(),
            { id: this.data.id, changes: { title: req.title, text: req.text, images: draft.images, attachment: draft.attachment, pinned: draft.pinned, needsConfirm: draft.needsConfirm } },
            bulletin.edit,
            { title: '没有保存' },
          )
        : await saveOnce(this, this.retryKey(), req, bulletin.publish, { title: '没有发布' });
      if (!saved) return;
      toast(this.data.id ? '已保存' : '已发布');
      wx.redirectTo({ url: `${STAFF_BULLETIN_PAGES.reads}?id=${saved.bulletin.id}` });
    },
  },
});
