export {
  conversationCookie,
  getCustomerConversation,
  markReadByCustomer,
  postCustomerMessage,
  startConversation,
} from './customer-conversation';
export { customerEventStream } from './customer-stream';
export {
  countUnreadConversations,
  getStaffConversation,
  listConversations,
  markReadByStaff,
  replyToConversation,
  updateConversation,
} from './staff-inbox';
export {
  assistantConfigured,
  replyAsAssistant,
  settleAssistant,
} from './assistant/reply-as-assistant';
export {
  CONVERSATION_COOKIE,
  conversationCookieHeader,
  readConversationCookie,
  verifyConversationKey,
} from '../links/conversation-link';
