import { prepareDatabase } from '../bootstrap.js'
import { loadConfig } from '../config.js'
import { seedDemoAccounts } from '../modules/demo/demo-accounts.js'
import { seedDemoAssessments } from '../modules/demo/demo-assessments.js'
import { seedDemoInventory } from '../modules/demo/demo-inventory.js'
import { seedDemoStrategy } from '../modules/demo/demo-strategy.js'

/** npm run demo:reset — puts the demo workspace back as new, with new demo passwords. */
async function main(): Promise<void> {
  const config = { ...loadConfig(), demo: true }
  const { handle } = await prepareDatabase(config)
  try {
    const credentials = await seedDemoAccounts(handle.db, { reset: true })
    await seedDemoAssessments(handle.db, { reset: true })
    await seedDemoInventory(handle.db, { reset: true })
    await seedDemoStrategy(handle.db, config.dataDir, { reset: true })
    console.log('jalons: demo data reset; new demo accounts:')
    for (const credential of credentials)
      console.log(`jalons:   ${credential.email}  ${credential.password}  (${credential.what})`)
  } finally {
    await handle.close()
  }
}

main().catch((error: unknown) => {
  console.error(`jalons: ${(error as Error).message}`)
  process.exit(1)
})
