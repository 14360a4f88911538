import type { ErrorCode } from '../../typings/api';

/** An expected failure: a stable code for programs and a Chinese message for people. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string) => new AppError('INVALID_ARGUMENT', message);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', '请先登录');
export const forbidden = (message = '您没有权限进行此操作') => new AppError('FORBIDDEN', message);
export const notFound = (message: string) => new AppError('NOT_FOUND', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const precondition = (message: string) => new AppError('FAILED_PRECONDITION', message);
export const exhausted = (message: string) => new AppError('RESOURCE_EXHAUSTED', message);
