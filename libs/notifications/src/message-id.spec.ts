import { messageIdFor } from './message-id';

describe('messageIdFor', () => {
  it('gives the same Message-ID for the same outbox key', () => {
    expect(messageIdFor('task:1:overdue:1')).toBe(messageIdFor('task:1:overdue:1'));
  });

  it('gives different Message-IDs for different keys, in RFC 5322 angle brackets', () => {
    const a = messageIdFor('task:1:overdue:1');
    const b = messageIdFor('task:1:overdue:2');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^<[0-9a-f]{32}@konvergensi\.local>$/);
  });
});
