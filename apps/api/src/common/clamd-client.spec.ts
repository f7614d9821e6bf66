import { parseClamdAddress, parseClamdReply, ScanUnavailableError } from './clamd-client';

describe('clamd client', () => {
  it('reads a tcp address and a unix socket path', () => {
    expect(parseClamdAddress('tcp://127.0.0.1:3310')).toEqual({ host: '127.0.0.1', port: 3310 });
    expect(parseClamdAddress('unix:///run/clamav/clamd.ctl')).toEqual({ path: '/run/clamav/clamd.ctl' });
    expect(parseClamdAddress('/run/clamav/clamd.ctl')).toEqual({ path: '/run/clamav/clamd.ctl' });
  });

  it('reads a clean verdict and a signature found', () => {
    expect(parseClamdReply('stream: OK\0')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Eicar-Test-Signature FOUND\0')).toEqual({
      clean: false,
      signature: 'Eicar-Test-Signature',
    });
  });

  it('treats an error line or an empty reply as no verdict, so the upload fails closed', () => {
    expect(() => parseClamdReply('INSTREAM size limit exceeded. ERROR\0')).toThrow(ScanUnavailableError);
    expect(() => parseClamdReply('')).toThrow(/empty reply/);
  });
});
