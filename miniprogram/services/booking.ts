import type { BookingApi } from '../../typings/booking';
import { actionsOf, call } from './transport';

const { read, write } = actionsOf<BookingApi>('booking');

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
