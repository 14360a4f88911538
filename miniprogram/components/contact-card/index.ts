import type { Result } from '../../../typings/api';
import type { ContactPhone, TaskContact } from '../../../typings/contact';
import * as booking from '../../services/booking';
import * as lists from '../../services/lists';
import * as wish from '../../services/wish';
import { toast } from '../../utils/dialog';

/** Where the full number of each kind of task is read (each read is audited on the server). */
const READERS: Record<string, (id: string) => Promise<Result<ContactPhone>>> = {
  wish: (id) => wish.contact({ id }),
  errand: (id) => booking.contact({ id }),
  ticket: (id) => lists.contact({ id }),
};

/**
 * Whom the handler helps, while the task is live: the name, the masked number with 拨打 (the full
 * number is read on the tap, never kept on the page), the address with 导航 when there is a place
 * on the map, and the preferred time.
 */
Component({
  properties: {
    contact: { type: Object, value: {} as TaskContact },
    /** wish | errand | ticket */
    task: { type: String, value: '' },
    taskId: { type: String, value: '' },
  },
  data: { calling: false },
  methods: {
    async onCall() {
      const read = READERS[this.data.task];
      if (!read || this.data.calling) return;
      this.setData({ calling: true });
      const res = await read(this.data.taskId);
      this.setData({ calling: false });
      if (!res.ok) return toast(res.message);
      wx.makePhoneCall({ phoneNumber: res.data.phone });
    },
    onNavigate() {
      const c = this.data.contact as TaskContact;
      if (!c.location) return;
      wx.openLocation({ latitude: c.location.lat, longitude: c.location.lng, name: c.name, address: c.address ?? '', scale: 17 });
    },
  },
});
