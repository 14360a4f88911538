import { PREFERRED_TIMES } from '../../../typings/contact';
import { type AddressParts, addressText } from '../../utils/address';

/**
 * Where a helper comes to (楼栋 / 单元 / 室, the building defaulting from the resident's profile)
 * and, when asked for, when it suits the resident (工作日白天 / 周末 / 晚上 / 随时). Both optional;
 * tells the page `change` with `{ address, preferredTime }` as the server takes them.
 */
Component({
  properties: {
    /** The building from the profile: the starting value. */
    building: { type: String, value: '' },
    withTime: { type: Boolean, value: true },
    addressLabel: { type: String, value: '地址（可不填）' },
  },
  data: {
    parts: { building: '', unit: '', room: '' } as AddressParts,
    times: PREFERRED_TIMES as readonly string[],
    time: '',
  },
  observers: {
    building(b: string) {
      if (b && !this.data.parts.building) this.setData({ 'parts.building': b });
      this.tell();
    },
  },
  methods: {
    onPart(e: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { part: keyof AddressParts }>) {
      this.setData({ [`parts.${e.currentTarget.dataset.part}`]: e.detail.value });
      this.tell();
    },
    onTime(e: WechatMiniprogram.TouchEvent<Record<string, never>, { value: string }>) {
      const value = e.currentTarget.dataset.value;
      this.setData({ time: this.data.time === value ? '' : value });
      this.tell();
    },
    tell() {
      this.triggerEvent('change', { address: addressText(this.data.parts), preferredTime: this.data.time });
    },
  },
});
