import { detectFixture } from '../__testUtils__/detectFixture';
import { isJenkinsfile } from './jenkinsfile';

describe('Jenkins shared libraries and plugin steps', () => {
  it('reads build, publish and deploy steps of a shared library by their names', async () => {
    const r = await detectFixture({
      Jenkinsfile: `@Library('platform-lib') _
pipeline {
  agent any
  stages {
    stage('Image') { steps { script { containerBuildPub(image: 'acme/api', registry: 'registry.example.com') } } }
    stage('Preview') { steps { script { helmDeploy(dry_run: true, release: 'api') } } }
    stage('Prod') { steps { script { helmDeploy(dry_run: false, release: 'api', namespace: 'prod') } } }
  }
}
`,
    });
    expect(r.value('ci.container-build')).toBe(true);
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.value('cd.deploy')).toBe(true);
    expect(r.evidence('cd.deploy')).toEqual([
      expect.objectContaining({
        path: 'Jenkinsfile',
        line: 7,
        note: 'shared-library step helmDeploy',
      }),
    ]);
  });

  it('does not deploy with a dry-run step only, and reads scanner plugin steps and withDockerRegistry', async () => {
    const r = await detectFixture({
      'ci/Jenkinsfile': `@Library('lib') _
node {
  stage('Scan') { anchore name: 'anchore_images' }
  stage('Scan2') { neuvector(registrySelection: 'Local', repository: 'acme/api') }
  stage('Push') { withDockerRegistry([credentialsId: 'hub']) { sh 'docker push acme/api:1' } }
  stage('Try') { helmDeploy(dry_run: true) }
}
`,
    });
    expect(r.value('sec.image-scan')).toBe(true);
    expect(r.value('ci.image-publish')).toBe(true);
    expect(r.value('cd.deploy')).toBe(false);
  });

  it('knows Jenkinsfile.json and other data files are not pipelines', async () => {
    expect(isJenkinsfile('Jenkinsfile')).toBe(true);
    expect(isJenkinsfile('ci/Jenkinsfile.release')).toBe(true);
    expect(isJenkinsfile('jenkinsfile-test.groovy')).toBe(true);
    expect(isJenkinsfile('config/Jenkinsfile.json')).toBe(false);
    expect(isJenkinsfile('Jenkinsfile.yaml')).toBe(false);
    const r = await detectFixture({
      'config/Jenkinsfile.json': '{"stages": ["build"]}',
    });
    expect(r.value('ci.pipeline')).toBe(false);
  });
});
