import { expect } from 'chai';
import { TenantNames } from '../../src/store/tenants.js';

describe('TenantNames', () => {
  it('names a tenant as first used, whatever case it is used in after', () => {
    const names = new TenantNames();
    expect(names.resolve('CustABC')).to.equal('CustABC');
    expect(names.resolve('custabc')).to.equal('CustABC');
    expect(names.find('CUSTABC')).to.equal('CustABC');
  });

  it('finds an unknown tenant under the name asked, without making it known', () => {
    const names = new TenantNames();
    expect(names.find('Cust1')).to.equal('Cust1');
    expect(names.resolve('CUST1')).to.equal('CUST1');
  });

  it('knows default from the start, in any case', () => {
    const names = new TenantNames();
    expect(names.resolve('DEFAULT')).to.equal('default');
  });

  it('forgets a name on clear, but a fixture name only on a full clear', () => {
    const names = new TenantNames();
    names.resolveFixture('Cust1');
    names.resolve('CustABC');
    names.clear('Cust1');
    names.clear('CustABC');
    expect(names.resolve('CUST1')).to.equal('Cust1');
    expect(names.resolve('CUSTABC')).to.equal('CUSTABC');
    names.clear();
    expect(names.resolve('cust1')).to.equal('cust1');
    expect(names.resolve('Default')).to.equal('default');
  });
});
