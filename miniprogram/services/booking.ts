import type { BookingApi } from '../../typings/booking';
import { call } from './transport';

type Req<A extends keyof BookingApi> = BookingApi[A]['req'];

const read = <A extends keyof BookingApi & string>(action: A) => (req: Req<A>) => call<BookingApi, A>('booking', action, req);
const write = <A extends keyof BookingApi & string>(action: A) => (req: Req<A>) =>
  call<BookingApi, A>('booking', action, req, { mutating: true });

export const services = read('services');
export const slots = read('slots');
export const book = write('book');
export const cancel = write('cancel');
export const mine = read('mine');
export const detail = read('detail');
export const checkIn = write('checkIn');
export const checkOut = write('checkOut');
export const schedule = read('schedule');
export const manageService = write('manageService');
export const placeCode = write('placeCode');
export const requestErrand = write('requestErrand');
export const errands = read('errands');
export const workers = () => call<BookingApi, 'workers'>('booking', 'workers', {});
export const assignErrand = write('assignErrand');
export const updateErrand = write('updateErrand');
export const rateErrand = write('rateErrand');
export const activities = read('activities');
export const publishActivity = write('publishActivity');
export const signUp = write('signUp');
export const roster = read('roster');
export const calendar = read('calendar');
export const setCalendarDay = write('setCalendarDay');
export const clearCalendarDay = write('clearCalendarDay');
