import { formatScene, parseScene } from '../../../server/user/scene';
import { mayInvite, rolesOf, topRole } from '../../../server/user/model';

describe('scene', () => {
  it('parses community, grid and poster, encoded or not', () => {
    expect(parseScene('c=beihai&g=g1&p=door3')).toEqual({ community: 'beihai', grid: 'g1', poster: 'door3' });
    expect(parseScene(encodeURIComponent('c=beihai&g=g1'))).toEqual({ community: 'beihai', grid: 'g1', poster: undefined });
  });
  it('refuses what a WeChat code cannot carry', () => {
    expect(parseScene('')).toBeUndefined();
    expect(parseScene('c=北海')).toBeUndefined();
    expect(parseScene('g=g1')).toBeUndefined();
    expect(parseScene('c=' + 'x'.repeat(40))).toBeUndefined();
    expect(parseScene('%E0%A4%A')).toBeUndefined();
  });
  it('formats back to the canonical order', () => {
    expect(formatScene({ community: 'beihai', poster: 'p1', grid: 'g2' })).toBe('c=beihai&g=g2&p=p1');
  });
});

describe('roles', () => {
  const grant = (role: any, communityId = 'c1') => ({ role, communityId, grantedBy: 's', grantedAt: 0 });
  it('counts only grants of the current community', () => {
    const u = { communityId: 'c1', grants: [grant('volunteer'), grant('staff', 'c2')] };
    expect(rolesOf(u)).toEqual(['resident', 'volunteer']);
    expect(topRole(rolesOf(u))).toBe('volunteer');
  });
  it('staff invite everyone but staff; admins invite staff too', () => {
    const staff = { communityId: 'c1', grants: [grant('staff')] };
    const admin = { communityId: 'c1', grants: [grant('admin')] };
    expect(mayInvite(staff, 'grid_worker')).toBe(true);
    expect(mayInvite(staff, 'staff')).toBe(false);
    expect(mayInvite(admin, 'staff')).toBe(true);
    expect(mayInvite({ communityId: 'c1', grants: [] }, 'volunteer')).toBe(false);
  });
});
