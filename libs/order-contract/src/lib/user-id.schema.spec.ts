import { UserIdSchema } from './user-id.schema';

describe('UserIdSchema', () => {
  it.each(['user123', 'a/b', 'x?y', '../x', 'a..b', '...', '%', 'ünïcødé', ' spaced id ', 'x'.repeat(128)])(
    'accepts %j',
    (id) => {
      expect(UserIdSchema.parse(id)).toBe(id);
    },
  );

  it.each([
    ['an empty id', '', 'must not be empty'],
    ['an id over 128 characters', 'x'.repeat(129), 'at most 128'],
    ['a NUL character', 'a\u0000b', 'control characters'],
    ['a newline', 'a\nb', 'control characters'],
    ['DEL', 'a\u007fb', 'control characters'],
    ['"..", which URLs read as the parent path', '..', 'must not be "." or ".."'],
    ['".", which URLs read as the current path', '.', 'must not be "." or ".."'],
  ])('rejects %s with a message saying why', (_case, id, message) => {
    const result = UserIdSchema.safeParse(id);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });
});
